/**
 * The EC2 and AWS Health events Karpenter drains nodes ahead of, each routed by an EventBridge rule to the
 * cluster's interruption queue. Keys become the rules' logical-name suffixes.
 */
export const INTERRUPTION_EVENT_PATTERNS: Readonly<Record<string, { readonly source: string[]; readonly "detail-type": string[] }>> = {
  "scheduled-change": { source: ["aws.health"], "detail-type": ["AWS Health Event"] },
  "spot-interruption": { source: ["aws.ec2"], "detail-type": ["EC2 Spot Instance Interruption Warning"] },
  rebalance: { source: ["aws.ec2"], "detail-type": ["EC2 Instance Rebalance Recommendation"] },
  "state-change": { source: ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"] },
};

/** Karpenter acts on a message within seconds; older ones describe nodes that are already gone. */
export const INTERRUPTION_MESSAGE_RETENTION_SECONDS = 300;
