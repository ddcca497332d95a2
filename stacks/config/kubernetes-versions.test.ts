import { acceptedVersions, daysBetween, KUBERNETES_VERSIONS, KUBERNETES_VERSIONS_RECORDED_ON, standardSupportVersions, supportStatus } from "./kubernetes-versions";
import { PINNED_ADDON_VERSIONS } from "../../components/eks-cluster/addon-versions";
import { checkKubernetesVersion } from "./kubernetes-version-check";

const MAX_AGE_DAYS = 120;
const todayUtc = () => new Date().toISOString().slice(0, 10);

describe("the EKS release calendar", () => {
  it(`was recorded within the last ${MAX_AGE_DAYS} days (re-check docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html and bump KUBERNETES_VERSIONS_RECORDED_ON)`, () => {
    const age = daysBetween(KUBERNETES_VERSIONS_RECORDED_ON, todayUtc());
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThanOrEqual(MAX_AGE_DAYS);
  });

  it("lists each minor once, in order, with 14 months of standard and 12 of extended support", () => {
    const minors = KUBERNETES_VERSIONS.map((v) => Number(v.version.split(".")[1]));
    expect(minors).toEqual(minors.map((_, i) => minors[0] + i));
    for (const v of KUBERNETES_VERSIONS) {
      expect(v.released < v.endOfStandardSupport && v.endOfStandardSupport < v.endOfExtendedSupport).toBe(true);
      expect(daysBetween(v.released, v.endOfStandardSupport)).toBeGreaterThanOrEqual(420);
      expect(daysBetween(v.endOfStandardSupport, v.endOfExtendedSupport)).toBeGreaterThanOrEqual(365);
    }
  });

  it("offers a version in standard support on the day it was recorded, and add-on pins for every version a stack may use", () => {
    expect(standardSupportVersions(KUBERNETES_VERSIONS_RECORDED_ON).length).toBeGreaterThan(0);
    for (const version of acceptedVersions(KUBERNETES_VERSIONS_RECORDED_ON)) expect(Object.keys(PINNED_ADDON_VERSIONS)).toContain(version);
  });

  it("places a day in standard, extended or past support from the calendar's dates", () => {
    expect(supportStatus("1.35", "2027-03-27")).toBe("standard");
    expect(supportStatus("1.35", "2027-03-28")).toBe("extended");
    expect(supportStatus("1.31", "2026-11-27")).toBe("unsupported");
    expect(supportStatus("1.99", "2026-12-07")).toBe("unknown");
  });
});

describe("a stack's Kubernetes version", () => {
  const newest = standardSupportVersions(KUBERNETES_VERSIONS_RECORDED_ON).at(-1)!;

  it("accepts every version EKS still runs on the recorded day", () => {
    for (const version of acceptedVersions(KUBERNETES_VERSIONS_RECORDED_ON)) expect(checkKubernetesVersion("icna:clusters.green.kubernetesVersion", version)).toEqual([]);
  });

  it("refuses a version past extended support, naming the day it ended and the blue/green way out", () => {
    const retired = KUBERNETES_VERSIONS.find((v) => supportStatus(v.version, KUBERNETES_VERSIONS_RECORDED_ON) === "unsupported");
    expect(retired).toBeDefined();
    const [problem] = checkKubernetesVersion("icna:clusters.blue.kubernetesVersion", retired!.version);
    expect(problem.path).toBe("icna:clusters.blue.kubernetesVersion");
    expect(problem.message).toContain(`left EKS extended support on ${retired!.endOfExtendedSupport}`);
    expect(problem.message).toContain(`create the idle colour on ${newest}`);
    expect(problem.allowed).toContain(`for a new cluster ${newest}`);
  });

  it("refuses a version EKS never had and lists the accepted ones", () => {
    const [problem] = checkKubernetesVersion("icna:clusters.green.kubernetesVersion", "1.21");
    expect(problem.message).toContain('"1.21" is not an Amazon EKS version');
    expect(problem.allowed).toContain(acceptedVersions(KUBERNETES_VERSIONS_RECORDED_ON).join(", "));
  });
});
