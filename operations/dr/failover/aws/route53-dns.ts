import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from "@aws-sdk/client-route-53";
import type { DnsApi, RecordChange, WeightedRecord } from "../ports";

const fqdn = (name: string) => (name.endsWith(".") ? name : `${name}.`);
const bare = (name: string) => name.replace(/\.$/, "");

/** Route 53 through the AWS SDK v3 (a global service: one client). */
export class Route53DnsApi implements DnsApi {
  constructor(private readonly client: Route53Client = new Route53Client({ region: "us-east-1" })) {}

  async find(zoneId: string, name: string, setIdentifier: string): Promise<WeightedRecord | undefined> {
    const result = await this.client.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: fqdn(name),
        StartRecordType: "CNAME",
        StartRecordIdentifier: setIdentifier,
        MaxItems: 1,
      }),
    );
    const set = result.ResourceRecordSets?.[0];
    if (!set || bare(set.Name ?? "") !== bare(name) || set.Type !== "CNAME" || set.SetIdentifier !== setIdentifier)
      return undefined;
    return {
      name: bare(name),
      type: "CNAME",
      setIdentifier,
      weight: set.Weight ?? 0,
      ttl: set.TTL ?? 0,
      value: set.ResourceRecords?.[0]?.Value ?? "",
    };
  }

  async change(zoneId: string, comment: string, changes: readonly RecordChange[]): Promise<string> {
    const result = await this.client.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Comment: comment,
          Changes: changes.map(({ action, record }) => ({
            Action: action,
            ResourceRecordSet: {
              Name: fqdn(record.name),
              Type: record.type,
              SetIdentifier: record.setIdentifier,
              Weight: record.weight,
              TTL: record.ttl,
              ResourceRecords: [{ Value: record.value }],
            },
          })),
        },
      }),
    );
    const id = result.ChangeInfo?.Id;
    if (!id) throw new Error("Route 53 accepted the change batch but returned no change id");
    return id;
  }

  async isInSync(changeId: string): Promise<boolean> {
    const result = await this.client.send(new GetChangeCommand({ Id: changeId }));
    return result.ChangeInfo?.Status === "INSYNC";
  }
}
