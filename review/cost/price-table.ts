/**
 * The price table the cost model uses: AWS on-demand list prices in USD for what the platform
 * builds, in the regions its stacks use. Prices change: the table says where they come from and
 * when they were recorded, and every report repeats it. Refresh it from the AWS Price List
 * (`aws pricing get-products --service-code AmazonEC2 ...`) and bump `recordedOn`.
 */
export interface PriceTable {
  readonly recordedOn: string;
  readonly source: string;
  readonly currency: "USD";
  readonly hoursPerMonth: number;
  readonly regions: Readonly<Record<string, RegionPrices>>;
}

/** Prices of one region. Hourly prices are per hour, storage per GB-month. */
export interface RegionPrices {
  readonly eksControlPlaneHourly: number;
  readonly eksExtendedSupportHourly: number;
  /** EC2 Linux on-demand, by instance type. */
  readonly ec2Hourly: Readonly<Record<string, number>>;
  readonly ebsGp3GbMonth: number;
  readonly natGatewayHourly: number;
  readonly natGatewayPerGb: number;
  readonly publicIpv4Hourly: number;
  readonly interfaceEndpointHourlyPerAz: number;
  /** RDS for PostgreSQL, Single-AZ (Multi-AZ instance deployments cost twice). */
  readonly rdsPostgresHourly: Readonly<Record<string, number>>;
  readonly rdsGp3GbMonth: number;
  readonly elasticacheHourly: Readonly<Record<string, number>>;
  readonly mskBrokerHourly: Readonly<Record<string, number>>;
  readonly mskStorageGbMonth: number;
  readonly albHourly: number;
  readonly nlbHourly: number;
  /** Per LCU-hour (ALB) / NLCU-hour (NLB). */
  readonly albLcuHourly: number;
  readonly nlbLcuHourly: number;
  readonly kmsKeyMonthly: number;
  readonly secretMonthly: number;
}

const US_EAST_1: RegionPrices = {
  eksControlPlaneHourly: 0.1,
  eksExtendedSupportHourly: 0.6,
  ec2Hourly: {
    "t3.medium": 0.0416, "t3.large": 0.0832, "t4g.medium": 0.0336, "t4g.large": 0.0672,
    "m5.large": 0.096, "m5.xlarge": 0.192, "m5.2xlarge": 0.384,
    "m6i.large": 0.096, "m6i.xlarge": 0.192, "m6i.2xlarge": 0.384, "m6i.4xlarge": 0.768,
    "m7i.large": 0.1008, "m7i.xlarge": 0.2016, "m7i.2xlarge": 0.4032,
    "m6g.large": 0.077, "m6g.xlarge": 0.154, "m6g.2xlarge": 0.308,
    "m7g.large": 0.0816, "m7g.xlarge": 0.1632, "m7g.2xlarge": 0.3264, "m7g.4xlarge": 0.6528,
    "c6i.large": 0.085, "c6i.xlarge": 0.17, "c6i.2xlarge": 0.34, "c7g.large": 0.0725, "c7g.xlarge": 0.145, "c7g.2xlarge": 0.29,
    "r6i.large": 0.126, "r6i.xlarge": 0.252, "r6i.2xlarge": 0.504, "r7g.large": 0.1071, "r7g.xlarge": 0.2142, "r7g.2xlarge": 0.4284,
  },
  ebsGp3GbMonth: 0.08,
  natGatewayHourly: 0.045,
  natGatewayPerGb: 0.045,
  publicIpv4Hourly: 0.005,
  interfaceEndpointHourlyPerAz: 0.01,
  rdsPostgresHourly: {
    "db.t4g.micro": 0.016, "db.t4g.small": 0.032, "db.t4g.medium": 0.065, "db.t4g.large": 0.129,
    "db.m6g.large": 0.159, "db.m6g.xlarge": 0.318, "db.m6g.2xlarge": 0.636,
    "db.m7g.large": 0.168, "db.m7g.xlarge": 0.337, "db.m7g.2xlarge": 0.674,
    "db.r6g.large": 0.225, "db.r6g.xlarge": 0.45, "db.r6g.2xlarge": 0.899, "db.r6g.4xlarge": 1.798,
    "db.r7g.large": 0.239, "db.r7g.xlarge": 0.478, "db.r7g.2xlarge": 0.956, "db.r7g.4xlarge": 1.912,
  },
  rdsGp3GbMonth: 0.115,
  elasticacheHourly: {
    "cache.t4g.micro": 0.016, "cache.t4g.small": 0.032, "cache.t4g.medium": 0.065,
    "cache.m6g.large": 0.149, "cache.m6g.xlarge": 0.298, "cache.m7g.large": 0.158, "cache.m7g.xlarge": 0.316,
    "cache.r6g.large": 0.206, "cache.r6g.xlarge": 0.411, "cache.r7g.large": 0.219, "cache.r7g.xlarge": 0.437, "cache.r7g.2xlarge": 0.874,
  },
  mskBrokerHourly: {
    "kafka.t3.small": 0.0456, "kafka.m5.large": 0.21, "kafka.m5.xlarge": 0.42, "kafka.m5.2xlarge": 0.84,
    "kafka.m7g.large": 0.204, "kafka.m7g.xlarge": 0.408, "kafka.m7g.2xlarge": 0.816,
  },
  mskStorageGbMonth: 0.1,
  albHourly: 0.0225,
  nlbHourly: 0.0225,
  albLcuHourly: 0.008,
  nlbLcuHourly: 0.006,
  kmsKeyMonthly: 1,
  secretMonthly: 0.4,
};

/**
 * Other regions, as the ratio of their price page to us-east-1 for each service family (EC2 m6i
 * and r6i, RDS r6g, ElastiCache r6g, MSK m5), which holds across the sizes of a family; flat-rate
 * items are listed per region.
 */
function scaled(base: RegionPrices, factors: { ec2: number; rds: number; elasticache: number; msk: number }, flat: Partial<RegionPrices>): RegionPrices {
  const scale = (table: Readonly<Record<string, number>>, factor: number) => Object.fromEntries(Object.entries(table).map(([k, v]) => [k, Math.round(v * factor * 10000) / 10000]));
  return {
    ...base,
    ec2Hourly: scale(base.ec2Hourly, factors.ec2),
    rdsPostgresHourly: scale(base.rdsPostgresHourly, factors.rds),
    elasticacheHourly: scale(base.elasticacheHourly, factors.elasticache),
    mskBrokerHourly: scale(base.mskBrokerHourly, factors.msk),
    ...flat,
  };
}

export const PRICE_TABLE: PriceTable = {
  recordedOn: "2025-06-01",
  source: "AWS public on-demand price pages (aws.amazon.com/ec2/pricing/on-demand, /eks/pricing, /vpc/pricing, /rds/postgresql/pricing, /elasticache/pricing, /msk/pricing, /elasticloadbalancing/pricing, /kms/pricing, /secrets-manager/pricing), Linux, no Savings Plans or Reserved Instances",
  currency: "USD",
  hoursPerMonth: 730,
  regions: {
    "us-east-1": US_EAST_1,
    "us-west-2": US_EAST_1,
    "eu-west-1": scaled(US_EAST_1, { ec2: 1.115, rds: 1.111, elasticache: 1.112, msk: 1.1 }, {
      ebsGp3GbMonth: 0.088, natGatewayHourly: 0.048, natGatewayPerGb: 0.048, interfaceEndpointHourlyPerAz: 0.011,
      rdsGp3GbMonth: 0.127, mskStorageGbMonth: 0.11, albHourly: 0.0252, nlbHourly: 0.0252,
    }),
    "eu-central-1": scaled(US_EAST_1, { ec2: 1.198, rds: 1.169, elasticache: 1.17, msk: 1.143 }, {
      ebsGp3GbMonth: 0.0952, natGatewayHourly: 0.052, natGatewayPerGb: 0.052, interfaceEndpointHourlyPerAz: 0.012,
      rdsGp3GbMonth: 0.137, mskStorageGbMonth: 0.119, albHourly: 0.027, nlbHourly: 0.027,
    }),
  },
};
