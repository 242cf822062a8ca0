export const eventsProgramme = {
  eventsProgramme: {
    title: 'Programm',
    resourcesTitle: 'Räume & Technik',
  },
};
