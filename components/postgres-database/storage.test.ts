import { minimumStorageCeiling, recommendedStorageCeiling } from "./storage";

describe("RDS storage autoscaling ceiling", () => {
  it.each([
    [20, 22, 26],
    [100, 110, 126],
    [1000, 1100, 1260],
    [21, 24, 27],
  ])("for %i GiB allocated: at least %i, recommended %i", (allocated, minimum, recommended) => {
    expect(minimumStorageCeiling(allocated)).toBe(minimum);
    expect(recommendedStorageCeiling(allocated)).toBe(recommended);
  });

  it("never lands below 110% for any allocation RDS allows", () => {
    for (let allocated = 20; allocated <= 65536; allocated += 7) {
      const ceiling = minimumStorageCeiling(allocated);
      expect(ceiling * 10).toBeGreaterThanOrEqual(allocated * 11);
      expect((ceiling - 1) * 10).toBeLessThan(allocated * 11);
    }
  });
});
