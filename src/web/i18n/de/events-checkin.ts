export const eventsCheckin = {
  eventsCheckin: {
    title: 'Einlass',
  },
};
