// Who is acting: a signed-in person or a system client. Framework-free, so services take an actor without
// depending on the web framework (the auth plugin makes one from each request).
export type UserActor = {
  kind: 'user';
  userId: string;
  employeeId: string;
  email: string;
  name: string;
  opdiv: string;
  isProgramManager: boolean;
  coordinatorOpdivs: string[];
};
export type SystemActor = { kind: 'system'; clientId: string; name: string; scopes: string[] };
export type Actor = UserActor | SystemActor;
