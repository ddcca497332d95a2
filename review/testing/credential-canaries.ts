/**
 * Canary credentials of every kind the review must flag and never print. They are shaped like real
 * ones (so the detectors see them) but each carries "CANARY"/"canary": none is, or was, a real secret.
 */
export const CANARIES = {
  awsAccessKeyId: "AKIAZZZZCANARY000001",
  awsSecretAccessKey: "Zq3vR8tW1yB6nM4kP7sD2fG9hJ5lX0cVaE+Q/uTz",
  privateKey: "-----BEGIN RSA PRIVATE KEY-----\nMIIEcanaryCANARYcanaryCANARYcanary\n-----END RSA PRIVATE KEY-----",
  githubToken: "ghp_CANARYcanaryCANARYcanaryCANARY012345",
  slackToken: "xoxb-1234567890-CANARYcanary42",
  stripeKey: "sk_live_CANARYcanaryCANARY0123456",
  jwt: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlQ0FOQVJZ",
  literalPassword: "canary-Pa55word-9",
  secretToken: "tok-CANARY-5566-literal",
  connectionPassword: "canaryDbPass77",
  highEntropyTag: "h7Gk2LpQ9zXc4VbN8mRt1YwE6uJa3SdF0oIqCANARY",
} as const;

/** The user data of the canary launch template: a script exporting an AWS key pair, base64 as EC2 wants it. */
export const CANARY_USER_DATA = Buffer.from(`#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${CANARIES.awsAccessKeyId}\nexport AWS_SECRET_ACCESS_KEY=${CANARIES.awsSecretAccessKey}\n/opt/bootstrap.sh\n`).toString("base64");

/** Inputs seeding every canary, by resource type: what a careless program would pass. */
export const CANARY_INPUTS = {
  launchTemplate: { namePrefix: "workers-", userData: CANARY_USER_DATA, tags: { team: "platform", "deploy-key": CANARIES.highEntropyTag } },
  secret: { metadata: { name: "app-credentials", namespace: "app" }, stringData: { password: CANARIES.literalPassword, token: CANARIES.secretToken } },
  configMap: { metadata: { name: "app-config", namespace: "app" }, data: { DATABASE_URL: `postgres://app:${CANARIES.connectionPassword}@db.internal:5432/app`, SIGNING_KEY: CANARIES.privateKey } },
  deployment: {
    metadata: { name: "worker", namespace: "app" },
    spec: {
      template: {
        spec: {
          containers: [
            {
              name: "worker",
              image: "registry.example.com/worker@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
              env: [
                { name: "GITHUB_TOKEN", value: CANARIES.githubToken },
                { name: "SLACK_WEBHOOK_TOKEN", value: CANARIES.slackToken },
                { name: "PAYMENTS", value: CANARIES.stripeKey },
                { name: "SESSION", value: CANARIES.jwt },
                { name: "LOG_LEVEL", value: "info" },
              ],
            },
          ],
        },
      },
    },
  },
} as const;

/** Every string no output may contain: the canaries and the encoded user data that carries two of them. */
export const FORBIDDEN_IN_OUTPUT: readonly string[] = [...Object.values(CANARIES), CANARY_USER_DATA, "MIIEcanaryCANARY"];
