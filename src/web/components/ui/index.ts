export { Alert, ErrorAlert, StatusMessage } from './alert';
export { Badge } from './badge';
export { Button } from './button';
export { ConfirmDialog, InfoDialog } from './dialog';
export { CheckboxField, FieldError, SelectField, TextField } from './field';
export { Loading, Page, Section } from './page';
export { TableRegion } from './table-region';
