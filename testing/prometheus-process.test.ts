import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startPrometheus } from "./prometheus-process";
import { serviceBinary, PROMTOOL } from "./test-services";

describe("starting a test Prometheus", () => {
  const originalPath = process.env.PATH;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-path-"));
  afterEach(() => void (process.env.PATH = originalPath));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const sample = { metric: "up", labels: { job: "t" }, value: 1, timeSeconds: Math.floor(Date.now() / 1000) - 60 };

  it("names the package to install when promtool is not on PATH", async () => {
    process.env.PATH = dir;
    await expect(startPrometheus([sample])).rejects.toThrow(/^the tests need promtool on PATH, which this machine lacks: apt-get install prometheus \(Debian\/Ubuntu\) or brew install prometheus \(macOS\)$/);
  });

  it("fails the test with the spawn error when prometheus cannot start, instead of an unhandled 'error' event", async () => {
    // An executable whose interpreter does not exist: found on PATH, but spawn fails with ENOENT.
    fs.writeFileSync(path.join(dir, "prometheus"), "#!/nonexistent/interpreter\n", { mode: 0o755 });
    process.env.PATH = [dir, path.dirname(serviceBinary(PROMTOOL))].join(path.delimiter);
    await expect(startPrometheus([sample])).rejects.toThrow(`could not start ${path.join(dir, "prometheus")}: spawn ${path.join(dir, "prometheus")} ENOENT`);
  });
});
