export const eventsProgramme = {
  eventsProgramme: {
    title: 'Programme',
    resourcesTitle: 'Rooms & equipment',
  },
};
