import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { projectDeploymentFreeze } from "../operations/dr/failover/file-freeze";

const ROOT = path.resolve(__dirname, "..");

describe("icna deploy during a DR operation", () => {
  const freeze = projectDeploymentFreeze(ROOT);
  afterEach(() => freeze.unfreeze("dev"));

  it("refuses to deploy a frozen stack, naming who froze it and how to lift the freeze", async () => {
    await freeze.freeze({ stack: "dev", since: "2026-11-29T01:00:00Z", by: "icna dr failover", reason: "failover prod → dr in progress" });
    const result = spawnSync(process.execPath, [path.join(ROOT, "bin/icna.js"), "deploy", "--stack", "dev", "--yes"], { cwd: ROOT, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^icna: deployments of dev are frozen since 2026-11-29T01:00:00Z by icna dr failover: failover prod → dr in progress\. Finish or fail back the DR operation first/);
    expect(fs.existsSync(path.join(ROOT, ".icna", "deploy-freeze", "dev.json"))).toBe(true);
  });
});
