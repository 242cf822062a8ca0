export const eventsDocumentation = {
  eventsDocumentation: {
    title: 'Documentation',
    publicTitle: 'Documentation',
  },
};
