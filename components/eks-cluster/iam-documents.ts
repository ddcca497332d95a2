import * as pulumi from "@pulumi/pulumi";

/** Trust policy letting EC2 instances (the managed node groups) assume a role. */
export const EC2_TRUST_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

/** IRSA trust scoped to exactly one service account of one cluster's OIDC issuer. */
export function irsaTrustPolicy(oidcProviderArn: pulumi.Input<string>, oidcProviderUrl: pulumi.Input<string>, namespace: string, serviceAccount: string): pulumi.Output<string> {
  return pulumi.all([oidcProviderArn, oidcProviderUrl]).apply(([arn, url]) => {
    const issuer = url.replace(/^https:\/\//, "");
    return JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: arn },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: { StringEquals: { [`${issuer}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`, [`${issuer}:aud`]: "sts.amazonaws.com" } },
        },
      ],
    });
  });
}
