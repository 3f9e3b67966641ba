import type { ModelSpec, OdooVersion } from '../orm/model-spec';
import { attachmentModels } from './attachment';
import { baseModels } from './base';
import { orderModels } from './orders';
import { productModels } from './product';
import { stockModels } from './stock';

/** Every model the stand-in serves, with the fields of the chosen Odoo version. */
export function modelSpecs(version: OdooVersion): ModelSpec[] {
  return [...baseModels(version), ...attachmentModels(), ...productModels(version), ...stockModels(version), ...orderModels(version)];
}
