export const eventsCheckin = {
  eventsCheckin: {
    title: 'Check-in',
  },
};
