export const eventsDocumentation = {
  eventsDocumentation: {
    title: 'Dokumentation',
    publicTitle: 'Dokumentation',
  },
};
