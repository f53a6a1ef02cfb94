/** The id of an exercise's card in the lesson text: the exercise list and search results link to it. */
export const exerciseAnchor = (id: string) => `exercise-${id}`;
