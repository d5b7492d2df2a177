/**
 * The numbers of the registries' rules that a province may set differently. They live here, in one place, so that
 * a provincial variant changes one file and every rule, message and test follows.
 */
export const REGISTRY_SETTINGS = {
  /** Members of a grassroots security team (Law 30/2023/QH15 art. 14): age on the day they join… */
  memberMinAge: 18,
  memberMaxAge: 70,
  /** …and at least this many years of residence in the area when they join. */
  memberMinResidenceYears: 1,
  /** Yearly rating of teams and members runs from 15/11 of the previous year to 14/11 (month is 1-based). */
  ratingPeriodStart: { month: 11, day: 15 },
  /** A member with fewer whole months of service in the period is not rated. */
  ratingMinServiceMonths: 9,
  /**
   * "Hoàn thành xuất sắc nhiệm vụ" may go to at most this percentage of the number of members rated
   * "Hoàn thành tốt nhiệm vụ" in the same team and year (rounded down). A whole number, so that no float
   * rounding can let 3 of 15 fail.
   */
  excellentMaxPercentOfGood: 20,
  /** Law 30/2023/QH15 took effect on 01/07/2024: the older kinds of forces are kept only for records before it. */
  historicalKindsEndBefore: '2024-07-01',
} as const;
