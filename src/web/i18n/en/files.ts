import type { files as de } from '../de/files';
import type { Shape } from '../shape';

/** Documents. */
export const files: Shape<typeof de> = {
  files: {
    title: 'Documents',
    tableCaption: 'Documents in the education network',
    name: 'File',
    size: 'Size',
    uploaded: 'Uploaded',
    by: 'by {{name}}',
    visibility: 'Visibility',
    visibilities: { public: 'Public', members: 'Committee and team', office: 'Education office only' },
    visibilityHint:
      'Public: anyone with a link. Members: committee and team. Education office only: internal.',
    uploadTitle: 'Upload document',
    file: 'File',
    fileHint: 'PDF, office documents or images.',
    upload: 'Upload',
    uploaded_ok: '“{{name}}” has been uploaded.',
    download: 'Download {{name}}',
    publicLink: 'Public link',
    changeVisibility: 'Visibility of {{name}}',
    deleteLabel: 'Delete {{name}}',
    deleteTitle: 'Delete document?',
    deleteText: '“{{name}}” will be deleted permanently.',
    deleted: '“{{name}}” has been deleted.',
    none: 'No documents yet.',
    chooseFile: 'Please choose a file.',
  },
};
