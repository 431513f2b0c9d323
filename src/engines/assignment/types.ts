// Results of the assignment engine (docs/assignment-format.md).

export type AssignmentMode = 'optimal' | 'fair' | 'randomised';

/**
 * LP dual of the assignment problem. For any values, the bound
 *   Σ demand_i·α_i − Σ quota_ig·δ_ig + Σ_j (maxLoad_j·max(π_j,0) − minLoad_j·max(−π_j,0))
 *   + Σ_allowed pairs cap·max(0, a_ij − α_i − π_j + δ_i,group(j))
 * is an upper bound on the total affinity of every valid (also fractional, pair value ≤ cap) assignment.
 */
export interface DualCertificate {
  /** α per application, in input order */
  applications: number[];
  /** π per expert, in input order */
  experts: number[];
  /** δ ≥ 0 per application and quota group: [application index, group name, δ] */
  quotas: Array<[number, string, number]>;
  /** the cap of one pair's value: 1 for deterministic modes, q for the randomised LP */
  pairCap: number;
}

export interface Pair { application: string; expert: string }

export interface AssignmentResult {
  mode: AssignmentMode;
  feasible: boolean;
  /** why not feasible, when it is not */
  reason?: string;
  assignments: Pair[];
  objective: number;
  upperBound: number;
  certificate?: DualCertificate;
  /** the smallest total affinity of one application */
  worstApplication: number;
  /** fair mode: the best achievable worst-application affinity's bound (equal to worstApplication when proven) */
  worstApplicationBound?: number;
  /** randomised mode: expected objective of the sampling (the LP value) and the cap used */
  expectedObjective?: number;
  q?: number;
  /** randomised mode: the marginal probability of every pair with positive probability */
  marginals?: Array<{ application: string; expert: string; p: number }>;
}
