// A Durable Object namespace as the Worker sees it: one strongly consistent instance per name, whose
// methods the Worker calls over RPC. Declared here so the root tsconfig needs no workers-types.

export interface DurableObjectId {
  toString(): string;
}

/** `T` is the object's class; its public methods are what the stub exposes (each returns a Promise). */
export interface DurableObjectNamespace<T> {
  idFromName(name: string): DurableObjectId;
  get(id: DurableObjectId): T;
}

/** The one instance for `name` (the same name anywhere in the world reaches the same object). */
export function objectNamed<T>(namespace: DurableObjectNamespace<T>, name: string): T {
  return namespace.get(namespace.idFromName(name));
}
