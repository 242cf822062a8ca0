/**
 * The contract module's use cases, one file per resource; routes, other modules and the demo import
 * them from here. The scope guard (`checkScope`, `assertJointField`) is what other modules call.
 */
export { fieldNames, fieldsByName, listFields, listFieldsOfNetwork, updateField } from './fields.service.js';
export { contractHistory } from './history.service.js';
export {
  createResponsibility,
  deleteResponsibility,
  listResponsibilities,
  seedResponsibilities,
  updateResponsibility,
} from './responsibilities.service.js';
export { askScope, assertJointField, checkScope } from './scope.service.js';
export {
  attachToVersion,
  draftVersion,
  getContract,
  getVersion,
  recordConsent,
  saveContract,
  withdrawVersion,
} from './versions.service.js';
