import { PulumiTrafficSwitcher, planTrafficUpdate, type AutomationStack, type StateResource } from "./pulumi-traffic-switcher";
import { weightsFor } from "./traffic-switcher";
import { PulumiEngineError } from "../pulumi-engine-error";

// Shape of `pulumi stack export` for the traffic part of a stack (URNs as Pulumi writes them).
const resources: StateResource[] = [
  { urn: "urn:pulumi:prod::icna::pulumi:pulumi:Stack::icna-prod", type: "pulumi:pulumi:Stack" },
  { urn: "urn:pulumi:prod::icna::icna:traffic:BlueGreen$aws:route53/record:Record::app-blue", type: "aws:route53/record:Record", inputs: { weightedRoutingPolicies: [{ weight: 100 }], setIdentifier: "blue" } },
  { urn: "urn:pulumi:prod::icna::icna:traffic:BlueGreen$aws:route53/record:Record::app-green", type: "aws:route53/record:Record", inputs: { weightedRoutingPolicies: [{ weight: 0 }], setIdentifier: "green" } },
  { urn: "urn:pulumi:prod::icna::aws:route53/record:Record::acm-validation", type: "aws:route53/record:Record", inputs: { records: ["x"] } },
];

describe("planTrafficUpdate", () => {
  it("writes the weights by config path and targets only the weighted records", () => {
    expect(planTrafficUpdate(resources, { blue: 90, green: 10 })).toEqual({
      config: [
        { key: "icna:traffic.weights.blue", value: "90" },
        { key: "icna:traffic.weights.green", value: "10" },
      ],
      targets: [resources[1].urn, resources[2].urn],
    });
    expect(planTrafficUpdate(resources, weightsFor("green", 100), "green").config).toContainEqual({ key: "icna:traffic.live", value: "green" });
  });

  it("never sets both weights to 0 and needs weighted records", () => {
    expect(() => planTrafficUpdate(resources, { blue: 0, green: 0 })).toThrow(/both weights to 0/);
    expect(() => planTrafficUpdate(resources.slice(0, 1), { blue: 50, green: 50 })).toThrow(/no weighted aws:route53\/record:Record/);
  });
});

describe("PulumiTrafficSwitcher", () => {
  it("drives the Automation API stack: config set --path, then up --target without dependents", async () => {
    const calls: unknown[] = [];
    const stack: AutomationStack = {
      getConfig: async (key) => (calls.push(["getConfig", key]), { value: JSON.stringify({ live: "blue", weights: { blue: 100, green: 0 }, hostname: "app.example.com" }) }),
      setConfig: async (key, value, path) => void calls.push(["setConfig", key, value.value, path]),
      exportStack: async () => ({ deployment: { resources } }),
      up: async (opts) => (calls.push(["up", opts.target, opts.targetDependents]), { summary: { result: "succeeded" } }),
    };
    const switcher = new PulumiTrafficSwitcher(stack);
    expect(await switcher.read()).toEqual({ weights: { blue: 100, green: 0 }, live: "blue" });
    await switcher.apply({ blue: 50, green: 50 });
    expect(calls).toEqual([
      ["getConfig", "icna:traffic"],
      ["setConfig", "icna:traffic.weights.blue", "50", true],
      ["setConfig", "icna:traffic.weights.green", "50", true],
      ["up", [resources[1].urn, resources[2].urn], false],
    ]);
  });

  it("reports a failed up", async () => {
    const stack: AutomationStack = {
      getConfig: async () => ({ value: "{}" }),
      setConfig: async () => undefined,
      exportStack: async () => ({ deployment: { resources } }),
      up: async () => ({ summary: { result: "failed" } }),
    };
    await expect(new PulumiTrafficSwitcher(stack).apply({ blue: 50, green: 50 })).rejects.toThrow('pulumi up of the weighted records ended with "failed"');
  });

  it("names the missing Pulumi CLI and how to install it, not the raw spawn error", async () => {
    const missing = async (): Promise<never> => {
      throw new Error("spawn pulumi ENOENT\n    at ChildProcess._handle.onexit");
    };
    const stack: AutomationStack = { getConfig: missing, setConfig: missing, exportStack: missing, up: missing };
    const failure = new PulumiTrafficSwitcher(stack).apply({ blue: 50, green: 50 });
    await expect(failure).rejects.toBeInstanceOf(PulumiEngineError);
    await expect(failure).rejects.toThrow("pulumi stack export needs the Pulumi CLI (https://www.pulumi.com/docs/install/) on PATH, logged in to the stack's backend: spawn pulumi ENOENT");
  });
});
