import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

/** AWS credentials as the SDK's providers resolve them. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

type SourceData = string | ArrayBuffer | ArrayBufferView;

/** SHA-256 (or HMAC-SHA-256 with a secret) from node:crypto, in the shape SignatureV4 takes. */
class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.create();
  }
  private create(): Hash | Hmac {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", toBuffer(this.secret));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.create();
  }
}

function toBuffer(data: SourceData): Buffer {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** How long the presigned URL inside a token stays valid; the Kubernetes API accepts it for 15 minutes from signing. */
const TOKEN_URL_SECONDS = 60;

/**
 * A bearer token for an EKS cluster's Kubernetes API, as `aws eks get-token` makes it: a SigV4-presigned
 * STS `GetCallerIdentity` URL whose signature covers the `x-k8s-aws-id: <cluster>` header, base64url
 * encoded without padding and prefixed with `k8s-aws-v1.`. The API server resolves it to the caller's
 * IAM identity, which needs an access entry on the cluster.
 */
export async function eksToken(
  cluster: string,
  region: string,
  credentials: AwsCredentials,
  signingDate: Date = new Date(),
): Promise<string> {
  const hostname = `sts.${region}.amazonaws.com`;
  const signer = new SignatureV4({ credentials, region, service: "sts", sha256: NodeSha256 });
  const signed = await signer.presign(
    {
      method: "GET",
      protocol: "https:",
      hostname,
      path: "/",
      query: { Action: "GetCallerIdentity", Version: "2011-06-15" },
      headers: { host: hostname, "x-k8s-aws-id": cluster },
    },
    { expiresIn: TOKEN_URL_SECONDS, signingDate },
  );
  const query = Object.entries(signed.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&");
  const url = `https://${hostname}/?${query}`;
  return `k8s-aws-v1.${Buffer.from(url).toString("base64url")}`;
}
