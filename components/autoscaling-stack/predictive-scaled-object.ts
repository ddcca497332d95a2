import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { PSE_ADDRESS } from "./pse-endpoint";
import { scaledObjectFor, type PredictiveWorkload } from "./scaled-object";

export interface PredictiveScaledObjectArgs {
  /** Kubernetes provider of the cluster the workload runs in. */
  readonly provider: k8s.Provider;
  readonly workload: PredictiveWorkload;
  /** The PSE's gRPC address. @default the AutoscalingStack's PSE (`AutoscalingStack.pseAddress`) */
  readonly scalerAddress?: string;
}

/**
 * Has KEDA scale one workload on the PSE's forecast. Pass `dependsOn: [autoscalingStack]` so the
 * ScaledObject is applied after KEDA's CRDs and the PSE exist.
 */
export class PredictiveScaledObject extends pulumi.ComponentResource {
  readonly scaledObjectName: pulumi.Output<string>;

  constructor(name: string, args: PredictiveScaledObjectArgs, opts?: pulumi.ComponentResourceOptions) {
    super("icna:components:PredictiveScaledObject", name, {}, opts);
    const manifest = scaledObjectFor(args.workload, args.scalerAddress ?? PSE_ADDRESS);
    const scaledObject = new k8s.apiextensions.CustomResource(`${name}-scaledobject`, { ...manifest }, { parent: this, provider: args.provider });
    this.scaledObjectName = scaledObject.metadata.name;
    this.registerOutputs({ scaledObjectName: this.scaledObjectName });
  }
}
