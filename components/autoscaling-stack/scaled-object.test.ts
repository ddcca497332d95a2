import * as k8s from "@pulumi/kubernetes";
import { runOfflinePreview } from "../../review/plan/offline-preview";
import { HPA_SCALE_DOWN_STABILISATION_MS } from "../../runtime/scaler/hpa-defaults";
import { parseScalerMetadata } from "../../runtime/scaler/scaler-metadata";
import { startScalerServer, type RunningScalerServer } from "../../runtime/scaler/scaler-server";
import { connectKedaScaler, type KedaScalerClient } from "../../testing/keda-scaler-client";
import { named, ofType } from "../../testing/plan-queries";
import { PredictiveScaledObject } from "./predictive-scaled-object";
import { scaledObjectFor, type PredictiveWorkload } from "./scaled-object";

const checkout: PredictiveWorkload = {
  name: "checkout",
  namespace: "shop",
  query: 'sum(rate(http_requests_total{app="checkout"}[5m]))',
  capacityPerPod: 42.5,
  leadMinutes: 20,
  quantile: 0.95,
  minReplicas: 3,
  maxReplicas: 60,
};

describe("scaledObjectFor", () => {
  it("scales the workload's Deployment through KEDA's external scaler pointed at the PSE Service", () => {
    const manifest = scaledObjectFor(checkout);
    expect(manifest).toMatchObject({
      apiVersion: "keda.sh/v1alpha1",
      kind: "ScaledObject",
      metadata: { name: "checkout", namespace: "shop" },
      spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "checkout" }, minReplicaCount: 3, maxReplicaCount: 60 },
    });
    expect(manifest.spec.triggers).toHaveLength(1);
    expect(manifest.spec.triggers[0]).toMatchObject({ type: "external", metricType: "AverageValue" });
    expect(manifest.spec.triggers[0].metadata.scalerAddress).toBe("icna-pse.icna-autoscaling.svc.cluster.local:9090");
    expect(scaledObjectFor({ ...checkout, kind: "StatefulSet" }, "pse.other:7000").spec).toMatchObject({ scaleTargetRef: { kind: "StatefulSet" }, triggers: [{ metadata: { scalerAddress: "pse.other:7000" } }] });
  });

  it("leaves the HPA's scale-down stabilisation at Kubernetes' default, which the PSE's step-down bound relies on", () => {
    expect(HPA_SCALE_DOWN_STABILISATION_MS).toBe(300_000);
    expect(scaledObjectFor(checkout).spec).not.toHaveProperty("advanced");
  });

  it("writes metadata whose every value the scaler parses back to the workload's settings (none falls to a default)", () => {
    const metadata = scaledObjectFor(checkout).spec.triggers[0].metadata;
    expect(Object.values(metadata).every((v) => typeof v === "string")).toBe(true);
    expect(parseScalerMetadata("shop/checkout", metadata)).toMatchObject({
      query: checkout.query,
      capacityPerPod: 42.5,
      leadTimeMinutes: 20,
      quantile: 0.95,
      minReplicas: 3,
      maxReplicas: 60,
    });
    expect(parseScalerMetadata("shop/checkout", scaledObjectFor({ ...checkout, targetUtilisation: 0.6 }).spec.triggers[0].metadata).targetUtilisation).toBe(0.6);
    expect(() => scaledObjectFor({ ...checkout, targetUtilisation: 1.5 })).toThrow(/targetUtilisation must be in \(0, 1\]/);
  });

  it("refuses, with the scaler's own messages, settings the PSE would reject at run time", () => {
    expect(() => scaledObjectFor({ ...checkout, minReplicas: 10, maxReplicas: 5 })).toThrow("ScaledObject shop/checkout: invalid PSE trigger metadata: minReplicas (10) is above maxReplicas (5)");
    expect(() => scaledObjectFor({ ...checkout, quantile: 1, capacityPerPod: 0 })).toThrow(/capacityPerPod must be a number ≥ 0\.001.*quantile must be in \[0.5, 1\)/);
    expect(() => scaledObjectFor({ ...checkout, query: "" })).toThrow(/query \(the PromQL expression/);
  });

  it("refuses names Kubernetes would reject", () => {
    expect(() => scaledObjectFor({ ...checkout, name: "Checkout_API", namespace: "-shop" })).toThrow(
      'ScaledObject -shop/Checkout_API: name "Checkout_API" is not a Kubernetes object name (lower-case letters, digits, "-" and "."); namespace "-shop" is not a Kubernetes namespace name',
    );
  });
});

describe("scaledObjectFor against icna scaler serve", () => {
  let server: RunningScalerServer;
  let client: KedaScalerClient;
  beforeAll(async () => {
    server = await startScalerServer({ host: "127.0.0.1", port: 0, metricsPort: 0, refitIntervalMs: 60_000, log: () => undefined });
    client = connectKedaScaler(`127.0.0.1:${server.grpcPort}`);
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  it("is accepted over KEDA's protocol as KEDA sends it (the trigger metadata as scalerMetadata), targeting capacityPerPod", async () => {
    const manifest = scaledObjectFor(checkout);
    const ref = { name: manifest.metadata.name, namespace: manifest.metadata.namespace, scalerMetadata: manifest.spec.triggers[0].metadata };
    const response = await client.getMetricSpec(ref);
    expect(response.metricSpecs).toEqual([{ metricName: "pse-shop-checkout", targetSize: 43, targetSizeFloat: 42.5 }]);
  });
});

describe("PredictiveScaledObject", () => {
  it("applies the ScaledObject with the cluster's provider, parented to the component", async () => {
    const plan = await runOfflinePreview({
      project: "icna",
      stack: "dev",
      config: { "aws:region": "us-east-1" },
      program: async () => {
        const provider = new k8s.Provider("p", { kubeconfig: "{}" });
        new PredictiveScaledObject("checkout", { provider, workload: checkout });
      },
    });
    const component = named(plan, "icna:components:PredictiveScaledObject", "checkout");
    const scaledObject = named(plan, "kubernetes:keda.sh/v1alpha1:ScaledObject", "checkout-scaledobject");
    expect(scaledObject.parent).toBe(component.urn);
    expect(scaledObject.provider?.startsWith(`${ofType(plan, "pulumi:providers:kubernetes")[0].urn}::`)).toBe(true);
    const { apiVersion, kind, ...rest } = scaledObjectFor(checkout);
    expect({ apiVersion: scaledObject.inputs.apiVersion, kind: scaledObject.inputs.kind }).toEqual({ apiVersion, kind });
    expect(scaledObject.inputs.metadata).toMatchObject(rest.metadata);
    expect(scaledObject.inputs.spec).toEqual(rest.spec);
  });
});
