export { generateDemoNetwork, demoNodeLayout, DEMO_DEFAULTS, DEMO_LIMITS } from './generate-network';
export type { DemoNetwork, DemoNetworkOptions, DemoReservation, DemoCustomer } from './generate-network';
export { SeededRandom } from './random';
