/**
 * The lowest storage-autoscaling ceiling RDS accepts: 10% above the allocated storage (integer arithmetic,
 * so 100 GiB gives 110, not 111).
 */
export function minimumStorageCeiling(allocatedGiB: number): number {
  return Math.ceil((allocatedGiB * 11) / 10);
}

/** A ceiling 26% above the allocation, which RDS recommends so that reaching it does not raise alerts. */
export function recommendedStorageCeiling(allocatedGiB: number): number {
  return Math.ceil((allocatedGiB * 126) / 100);
}
