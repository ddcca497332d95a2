import { Finding } from "../../model";
import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { TYPES } from "../../knowledge/type-tokens";
import { list, str } from "../../values";

const OLD_TYPES = ["gp2", "standard"];

export const costGp3Volumes: ResourceRule = {
  scope: "resource",
  name: "cost-gp3-volumes",
  area: "cost",
  description: "EBS volumes, node root volumes, RDS storage and Kubernetes storage classes use gp3 (20% cheaper than gp2, with baseline IOPS independent of size).",
  severity: "low",
  checkov: [],
  enforcement: LEVELS.production,
  resourceTypes: [TYPES.ebsVolume, TYPES.launchTemplate, TYPES.rdsInstance, TYPES.eksCluster, TYPES.k8sStorageClass],
  remediation: 'Use "gp3" (volume type, storageType, nodeRootVolumeType or the StorageClass parameter type); existing gp2 volumes convert in place.',
  evaluate(resource) {
    const flag = (where: string, value: string | undefined): Finding[] =>
      value !== undefined && OLD_TYPES.includes(value) ? [violation(`${label(resource)} uses ${value} (${where}): use gp3, which is cheaper and faster at every size`)] : [];
    switch (resource.type) {
      case TYPES.ebsVolume:
        return flag("type", str(resource.props, "type"));
      case TYPES.rdsInstance:
        return flag("storageType", str(resource.props, "storageType"));
      case TYPES.eksCluster:
        return [...flag("nodeRootVolumeType", str(resource.props, "nodeRootVolumeType")), ...(typeof resource.props.storageClasses === "string" ? flag("storageClasses", str(resource.props, "storageClasses")) : [])];
      case TYPES.k8sStorageClass:
        return flag("parameters.type", str(resource.props, "parameters.type"));
      default:
        return (list(resource.props, "blockDeviceMappings") ?? []).flatMap((mapping, i) => flag(`blockDeviceMappings[${i}].ebs.volumeType`, str(mapping, "ebs.volumeType")));
    }
  },
};
