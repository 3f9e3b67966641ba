/** Marks "never" in day-valued figures (first shortage day, below-min day). */
export const NO_DAY = -1;
