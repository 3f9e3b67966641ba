export { allocateDemand, solveAllocation, allocationObjective, allocationPlanOf } from './allocate-demand';
export type { AllocationSolution } from './allocate-demand';
export { prepareAllocation } from './problem';
export type { AllocationProblem } from './problem';
export { shareScarceStock } from './sharing-rule';
export { buildAllocationLp } from './linear-program';
export type { LinearProgram } from './linear-program';
