/** Pulumi type tokens the policy rules and the review's risk rules read: the one place each is spelled. */
export const TYPES = {
  eksCluster: "eks:index:Cluster",
  eksManagedNodeGroup: "eks:index:ManagedNodeGroup",
  awsEksCluster: "aws:eks/cluster:Cluster",
  eksAccessPolicyAssociation: "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
  awsEksNodeGroup: "aws:eks/nodeGroup:NodeGroup",
  launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
  ebsVolume: "aws:ebs/volume:Volume",

  rdsInstance: "aws:rds/instance:Instance",
  rdsCluster: "aws:rds/cluster:Cluster",
  rdsClusterInstance: "aws:rds/clusterInstance:ClusterInstance",
  rdsParameterGroup: "aws:rds/parameterGroup:ParameterGroup",
  rdsClusterParameterGroup: "aws:rds/clusterParameterGroup:ClusterParameterGroup",

  cacheReplicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
  cacheCluster: "aws:elasticache/cluster:Cluster",
  cacheServerless: "aws:elasticache/serverlessCache:ServerlessCache",

  mskCluster: "aws:msk/cluster:Cluster",
  mskServerlessCluster: "aws:msk/serverlessCluster:ServerlessCluster",

  vpc: "aws:ec2/vpc:Vpc",
  subnet: "aws:ec2/subnet:Subnet",
  flowLog: "aws:ec2/flowLog:FlowLog",
  securityGroup: "aws:ec2/securityGroup:SecurityGroup",
  securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
  securityGroupIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",

  kmsKey: "aws:kms/key:Key",
  kmsKeyPolicy: "aws:kms/keyPolicy:KeyPolicy",

  iamRole: "aws:iam/role:Role",
  iamPolicy: "aws:iam/policy:Policy",
  iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
  iamUserPolicy: "aws:iam/userPolicy:UserPolicy",
  iamGroupPolicy: "aws:iam/groupPolicy:GroupPolicy",
  iamRolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  iamUserPolicyAttachment: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
  iamGroupPolicyAttachment: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
  iamPolicyAttachment: "aws:iam/policyAttachment:PolicyAttachment",

  route53Record: "aws:route53/record:Record",
  s3Bucket: "aws:s3/bucket:Bucket",
  s3BucketV2: "aws:s3/bucketV2:BucketV2",
  s3BucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  s3BucketObject: "aws:s3/bucketObject:BucketObject",
  s3BucketObjectV2: "aws:s3/bucketObjectv2:BucketObjectv2",
  efsFileSystem: "aws:efs/fileSystem:FileSystem",
  ecrRepository: "aws:ecr/repository:Repository",
  route53Zone: "aws:route53/zone:Zone",
  sqsQueue: "aws:sqs/queue:Queue",
  ec2Instance: "aws:ec2/instance:Instance",
  lambdaFunction: "aws:lambda/function:Function",
  ecsTaskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
  ssmParameter: "aws:ssm/parameter:Parameter",
  dynamodbTable: "aws:dynamodb/table:Table",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  natGateway: "aws:ec2/natGateway:NatGateway",
  eip: "aws:ec2/eip:Eip",
  vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
  loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
  secret: "aws:secretsmanager/secret:Secret",
  secretVersion: "aws:secretsmanager/secretVersion:SecretVersion",
  ebsSnapshot: "aws:ebs/snapshot:Snapshot",

  awsProvider: "pulumi:providers:aws",
  kubernetesProvider: "pulumi:providers:kubernetes",

  k8sDeployment: "kubernetes:apps/v1:Deployment",
  k8sStatefulSet: "kubernetes:apps/v1:StatefulSet",
  k8sDaemonSet: "kubernetes:apps/v1:DaemonSet",
  k8sReplicaSet: "kubernetes:apps/v1:ReplicaSet",
  k8sJob: "kubernetes:batch/v1:Job",
  k8sCronJob: "kubernetes:batch/v1:CronJob",
  k8sPod: "kubernetes:core/v1:Pod",
  k8sPodDisruptionBudget: "kubernetes:policy/v1:PodDisruptionBudget",
  k8sStorageClass: "kubernetes:storage.k8s.io/v1:StorageClass",
  k8sPersistentVolumeClaim: "kubernetes:core/v1:PersistentVolumeClaim",
  k8sPersistentVolume: "kubernetes:core/v1:PersistentVolume",
  k8sNamespace: "kubernetes:core/v1:Namespace",
  k8sSecret: "kubernetes:core/v1:Secret",
  k8sConfigMap: "kubernetes:core/v1:ConfigMap",
  k8sCustomResourceDefinition: "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition",
  eksNodeGroupV2: "eks:index:NodeGroupV2",
} as const;

/** Every resource type that holds an IAM policy document in `policy`. */
export const IAM_POLICY_DOCUMENT_TYPES = [TYPES.iamPolicy, TYPES.iamRolePolicy, TYPES.iamUserPolicy, TYPES.iamGroupPolicy] as const;

/** Data stores whose network exposure the rules check. */
export const DATASTORE_TYPES = [TYPES.rdsInstance, TYPES.rdsCluster, TYPES.cacheReplicationGroup, TYPES.cacheCluster, TYPES.mskCluster] as const;
