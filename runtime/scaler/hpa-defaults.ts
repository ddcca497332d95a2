/**
 * Kubernetes' default scale-down stabilisation window of an HPA (the ScaledObjects set no `behavior`):
 * the HPA runs the largest replica count recommended within it, so the largest decision served within
 * it is what the workload runs now.
 */
export const HPA_SCALE_DOWN_STABILISATION_MS = 300_000;
