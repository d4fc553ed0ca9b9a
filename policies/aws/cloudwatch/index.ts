import logEncryption from "./log-encryption";
import logRetention from "./log-retention";

export const policies = [logRetention, logEncryption];
