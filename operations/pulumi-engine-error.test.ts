import { PulumiEngineError, pulumiEngineError, pulumiStep } from "./pulumi-engine-error";

describe("pulumiEngineError", () => {
  it("turns a missing CLI into the install hint, naming the step", () => {
    expect(pulumiEngineError(new Error("spawn pulumi ENOENT"), "pulumi up of dr").message).toBe(
      "pulumi up of dr needs the Pulumi CLI (https://www.pulumi.com/docs/install/) on PATH, logged in to the stack's backend: spawn pulumi ENOENT",
    );
  });

  it("keeps the first lines of any other failure, and an error it already explained as it is", () => {
    const failed = pulumiEngineError(new Error(["code: 255", "stderr: error: update failed", "a", "b", "c", "d", "e"].join("\n")), "pulumi up of prod");
    expect(failed.message).toBe("pulumi up of prod failed: code: 255\nstderr: error: update failed\na\nb\nc\nd");
    expect(pulumiEngineError(failed, "another step")).toBe(failed);
  });

  it("does not mistake an engine error that says \"not found\" for a missing CLI", () => {
    expect(pulumiEngineError(new Error("error: resource 'sg-0abc' not found"), "pulumi up of dr").message).toBe("pulumi up of dr failed: error: resource 'sg-0abc' not found");
    expect(pulumiEngineError(new Error("Command failed with ENOENT: pulumi version\nspawn pulumi ENOENT"), "selecting stack dr").message).toMatch(/^selecting stack dr needs the Pulumi CLI/);
  });

  it("pulumiStep passes a result through and wraps a rejection", async () => {
    await expect(pulumiStep("step", async () => 42)).resolves.toBe(42);
    await expect(pulumiStep("selecting stack dr", async () => Promise.reject(new Error("no stack named 'dr' found")))).rejects.toEqual(
      new PulumiEngineError("selecting stack dr failed: no stack named 'dr' found"),
    );
  });
});
