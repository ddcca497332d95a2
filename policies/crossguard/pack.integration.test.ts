/**
 * Starts the real policy pack the way `pulumi preview --policy-pack policies` does (Pulumi's
 * run-policy-pack host, ts-node, the @pulumi/policy analyzer server on a loopback port) and talks
 * to it over the engine's Analyzer gRPC protocol: what the Pulumi CLI would send, minus the CLI.
 */
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { RULES } from "../rules";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { AnalyzerClient } = require("@pulumi/pulumi/proto/analyzer_grpc_pb") as { AnalyzerClient: new (address: string, credentials: grpc.ChannelCredentials) => AnalyzerRpc };

interface AnalyzerRpc extends grpc.Client {
  getAnalyzerInfo(request: Empty, callback: (error: grpc.ServiceError | null, response: analyzer.AnalyzerInfo) => void): void;
  configure(request: analyzer.ConfigureAnalyzerRequest, callback: (error: grpc.ServiceError | null, response: Empty) => void): void;
  analyze(request: analyzer.AnalyzeRequest, callback: (error: grpc.ServiceError | null, response: analyzer.AnalyzeResponse) => void): void;
  analyzeStack(request: analyzer.AnalyzeStackRequest, callback: (error: grpc.ServiceError | null, response: analyzer.AnalyzeResponse) => void): void;
}

const PACK_DIR = path.resolve(__dirname, "..");
const ROOT = path.resolve(PACK_DIR, "..");
/** How the engine marks a computed string/boolean in a preview's properties. */
const UNKNOWN_BOOL = "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7";
const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

let pack: ChildProcess;
let client: AnalyzerRpc;

function call<Req, Res>(method: (req: Req, cb: (error: grpc.ServiceError | null, res: Res) => void) => void, request: Req): Promise<Res> {
  return new Promise((resolve, reject) => method.call(client, request, (error, response) => (error ? reject(error) : resolve(response))));
}

function resourceOptions(protect = false): analyzer.AnalyzerResourceOptions {
  const options = new analyzer.AnalyzerResourceOptions();
  options.setProtect(protect);
  options.setCustomtimeouts(new analyzer.AnalyzerResourceOptions.CustomTimeouts());
  return options;
}

function analyzeRequest(type: string, name: string, props: Record<string, unknown>): analyzer.AnalyzeRequest {
  const request = new analyzer.AnalyzeRequest();
  request.setType(type);
  request.setName(name);
  request.setUrn(`urn:pulumi:prod::icna::${type}::${name}`);
  request.setProperties(Struct.fromJavaScript(props as never));
  request.setOptions(resourceOptions());
  return request;
}

async function diagnostics(type: string, name: string, props: Record<string, unknown>): Promise<{ policy: string; level: string; message: string }[]> {
  const response = await call(client.analyze, analyzeRequest(type, name, props));
  return response.getDiagnosticsList().map((d) => ({ policy: d.getPolicyname(), level: d.getEnforcementlevel() === analyzer.EnforcementLevel.MANDATORY ? "mandatory" : "advisory", message: d.getMessage() }));
}

beforeAll(async () => {
  const host = path.join(ROOT, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
  // The engine address is only used for logging; nothing listens on port 9 of loopback.
  pack = spawn(process.execPath, [host, "127.0.0.1:9", "."], { cwd: PACK_DIR, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  pack.stderr!.on("data", (chunk) => (stderr += String(chunk)));
  const port = await new Promise<number>((resolve, reject) => {
    pack.stdout!.once("data", (chunk) => resolve(Number(String(chunk).trim().split("\n")[0])));
    pack.once("exit", (code) => reject(new Error(`the policy pack exited (${code}) before listening:\n${stderr}`)));
  });
  client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 120_000);

afterAll(() => {
  client?.close();
  if (pack && pack.exitCode === null) pack.kill();
});

describe("the icna policy pack over the Analyzer protocol", () => {
  test("advertises one policy per rule with its default (prod) enforcement", async () => {
    const info = await call(client.getAnalyzerInfo, new Empty());
    expect(info.getName()).toBe("icna");
    const levels = Object.fromEntries(info.getPoliciesList().map((p) => [p.getName(), p.getEnforcementlevel()]));
    expect(Object.keys(levels).sort()).toEqual(RULES.map((r) => r.name).sort());
    expect(levels["rds-not-public"]).toBe(analyzer.EnforcementLevel.MANDATORY);
    expect(levels["sg-rule-descriptions"]).toBe(analyzer.EnforcementLevel.ADVISORY);
  });

  test("blocks a public database and passes a computed flag", async () => {
    expect(await diagnostics("aws:rds/instance:Instance", "db", { publiclyAccessible: true, storageEncrypted: true })).toContainEqual({
      policy: "rds-not-public",
      level: "mandatory",
      message: expect.stringContaining('Instance "db" is publicly accessible'),
    });
    const computed = await diagnostics("aws:rds/instance:Instance", "db", { publiclyAccessible: UNKNOWN_BOOL, storageEncrypted: UNKNOWN_BOOL, dbSubnetGroupName: UNKNOWN_STRING });
    expect(computed.filter((d) => ["rds-not-public", "rds-storage-encrypted", "rds-in-custom-vpc"].includes(d.policy))).toEqual([]);
  });

  test("fires on the @pulumi/eks component inputs", async () => {
    const found = await diagnostics("eks:index:Cluster", "blue", { version: "1.34", skipDefaultNodeGroup: true });
    expect(found.map((d) => d.policy)).toEqual(expect.arrayContaining(["eks-public-endpoint-restricted", "eks-control-plane-logging", "eks-secrets-encryption"]));
  });

  test("runs stack rules over every resource", async () => {
    const sg = new analyzer.AnalyzerResource();
    sg.setType("aws:ec2/securityGroup:SecurityGroup");
    sg.setName("db-sg");
    sg.setUrn("urn:pulumi:prod::icna::aws:ec2/securityGroup:SecurityGroup::db-sg");
    sg.setProperties(Struct.fromJavaScript({ ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/8"] }] } as never));
    sg.setOptions(resourceOptions());
    const db = new analyzer.AnalyzerResource();
    db.setType("aws:rds/instance:Instance");
    db.setName("db");
    db.setUrn("urn:pulumi:prod::icna::aws:rds/instance:Instance::db");
    db.setProperties(Struct.fromJavaScript({ vpcSecurityGroupIds: [UNKNOWN_STRING] } as never));
    db.setOptions(resourceOptions(true));
    db.setDependenciesList([sg.getUrn()]);
    const request = new analyzer.AnalyzeStackRequest();
    request.setResourcesList([sg, db]);
    const response = await call(client.analyzeStack, request);
    const found = response.getDiagnosticsList().map((d) => [d.getPolicyname(), d.getUrn(), d.getMessage()]);
    expect(found).toContainEqual(["database-ingress-only-from-clusters", db.getUrn(), expect.stringContaining("admits 10.0.0.0/8")]);
  });

  test("the dev config relaxes levels and passes the stack kind to the rules", async () => {
    const request = new analyzer.ConfigureAnalyzerRequest();
    const map = request.getPolicyconfigMap();
    for (const rule of RULES) {
      const config = new analyzer.PolicyConfig();
      config.setEnforcementlevel(rule.enforcement.dev === "mandatory" ? analyzer.EnforcementLevel.MANDATORY : rule.enforcement.dev === "advisory" ? analyzer.EnforcementLevel.ADVISORY : analyzer.EnforcementLevel.DISABLED);
      config.setProperties(Struct.fromJavaScript({ stackKind: "dev" }));
      map.set(rule.name, config);
    }
    await call(client.configure, request);
    const found = await diagnostics("aws:rds/instance:Instance", "db", { backupRetentionPeriod: 3, deletionProtection: false, iamDatabaseAuthenticationEnabled: false });
    expect(found.find((d) => d.policy === "rds-backup-retention")).toBeUndefined();
    expect(found.find((d) => d.policy === "rds-deletion-protection")).toBeUndefined();
    expect(found.find((d) => d.policy === "rds-iam-authentication")).toMatchObject({ level: "advisory" });
  });
});
