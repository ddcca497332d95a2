import { createHash, createHmac } from "node:crypto";
import { DescribeClusterCommand, EKSClient } from "@aws-sdk/client-eks";
import { mockClient } from "aws-sdk-client-mock";
import * as aws from "../../failover/testing/aws-responses";
import { nodeList, unauthorized } from "../testing/kubernetes-responses";
import { countNodeGroups, EksNodeReadiness, KubernetesResponse } from "./eks-node-readiness";
import { eksToken } from "./eks-token";

const eks = mockClient(EKSClient);
const CREDENTIALS = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};
const AT = new Date("2027-03-02T09:00:00Z");

const decode = (token: string) => new URL(Buffer.from(token.slice("k8s-aws-v1.".length), "base64url").toString("utf8"));

/** SigV4 query-string signing, written from the AWS reference ("Create a signed AWS API request"), to check the token independently. */
function expectedSignature(url: URL, cluster: string): string {
  const params = [...url.searchParams.entries()].filter(([k]) => k !== "X-Amz-Signature");
  const encode = (s: string) =>
    encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const query = params
    .map(([k, v]) => [encode(k), encode(v)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonical = [
    "GET",
    "/",
    query,
    `host:${url.host}`,
    `x-k8s-aws-id:${cluster}`,
    "",
    "host;x-k8s-aws-id",
    createHash("sha256").update("").digest("hex"),
  ].join("\n");
  const date = url.searchParams.get("X-Amz-Date") ?? "";
  const scope = `${date.slice(0, 8)}/us-west-2/sts/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", date, scope, createHash("sha256").update(canonical).digest("hex")].join("\n");
  const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
  let key = hmac(`AWS4${CREDENTIALS.secretAccessKey}`, date.slice(0, 8));
  for (const part of ["us-west-2", "sts", "aws4_request"]) key = hmac(key, part);
  return createHmac("sha256", key).update(toSign).digest("hex");
}

describe("eksToken", () => {
  it("is a presigned STS GetCallerIdentity URL whose signature covers the cluster name, as aws eks get-token makes it", async () => {
    const token = await eksToken("icna-dr-blue", "us-west-2", CREDENTIALS, AT);
    expect(token).toMatch(/^k8s-aws-v1\.[A-Za-z0-9_-]+$/);
    const url = decode(token);
    expect(url.host).toBe("sts.us-west-2.amazonaws.com");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      Action: "GetCallerIdentity",
      Version: "2011-06-15",
      "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
      "X-Amz-Credential": "AKIAIOSFODNN7EXAMPLE/20270302/us-west-2/sts/aws4_request",
      "X-Amz-Date": "20270302T090000Z",
      "X-Amz-Expires": "60",
      "X-Amz-SignedHeaders": "host;x-k8s-aws-id",
    });
    expect(url.searchParams.get("X-Amz-Signature")).toBe(expectedSignature(url, "icna-dr-blue"));
    expect(expectedSignature(url, "icna-dr-green")).not.toBe(url.searchParams.get("X-Amz-Signature"));
  });

  it("carries the session token of temporary (OIDC role) credentials", async () => {
    const url = decode(
      await eksToken("icna-dr-blue", "us-west-2", { ...CREDENTIALS, sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE" }, AT),
    );
    expect(url.searchParams.get("X-Amz-Security-Token")).toBe("IQoJb3JpZ2luX2VjEXAMPLE");
  });
});

describe("EksNodeReadiness", () => {
  beforeEach(() => {
    eks.reset();
    eks
      .on(DescribeClusterCommand, { name: "icna-dr-blue" })
      .resolves(aws.eksCluster("icna-dr-blue", "us-west-2", "ACTIVE"));
  });

  const readiness = (answers: KubernetesResponse[], seen: { url: string; ca: string; token: string }[] = []) =>
    new EksNodeReadiness(
      (url, auth) => {
        seen.push({ url, ...auth });
        return Promise.resolve(answers.shift() ?? { status: 500, body: "no more answers" });
      },
      (region) => new EKSClient({ region, credentials: CREDENTIALS }),
      () => AT,
    );

  it("lists the nodes page by page on the cluster's endpoint with its CA and a token, and counts Ready nodes per node group", async () => {
    const seen: { url: string; ca: string; token: string }[] = [];
    const groups = await readiness(
      [
        nodeList(
          [{ nodeGroup: "icna-dr-blue-system-1", ready: 2, notReady: 1 }],
          "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTg0NDY3fQ",
        ),
        nodeList([
          { nodeGroup: "icna-dr-blue-workload-2", ready: 4 },
          { nodeGroup: "icna-dr-blue-system-1", ready: 1 },
        ]),
      ],
      seen,
    ).nodeGroups("us-west-2", "icna-dr-blue");
    expect(groups).toEqual([
      { nodeGroup: "icna-dr-blue-system-1", ready: 3, total: 4 },
      { nodeGroup: "icna-dr-blue-workload-2", ready: 4, total: 4 },
    ]);
    expect(seen.map((s) => s.url)).toEqual([
      "https://A1B2C3D4E5F6.gr7.us-west-2.eks.amazonaws.com/api/v1/nodes?labelSelector=eks.amazonaws.com%2Fnodegroup&limit=500",
      "https://A1B2C3D4E5F6.gr7.us-west-2.eks.amazonaws.com/api/v1/nodes?labelSelector=eks.amazonaws.com%2Fnodegroup&limit=500&continue=eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTg0NDY3fQ",
    ]);
    expect(seen[0].ca).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(decode(seen[0].token).searchParams.get("X-Amz-SignedHeaders")).toBe("host;x-k8s-aws-id");
  });

  it("says which access the drill's identity lacks when the API refuses it", async () => {
    await expect(readiness([unauthorized()]).nodeGroups("us-west-2", "icna-dr-blue")).rejects.toThrow(
      /refused the drill's identity \(HTTP 401\): give its IAM role an EKS access entry/,
    );
  });

  it("ignores nodes outside managed node groups (Karpenter's) when counting", () => {
    const list = JSON.parse(nodeList([{ nodeGroup: "icna-dr-blue-system-1", ready: 2 }]).body) as {
      items: { metadata: { labels: Record<string, string> } }[];
    };
    delete list.items[1].metadata.labels["eks.amazonaws.com/nodegroup"];
    expect(countNodeGroups([list])).toEqual([{ nodeGroup: "icna-dr-blue-system-1", ready: 1, total: 1 }]);
  });
});
