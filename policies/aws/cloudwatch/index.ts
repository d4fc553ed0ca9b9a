import alarmActions from "./alarm-actions";
import logEncryption from "./log-encryption";
import logRetention from "./log-retention";

export const policies = [logRetention, logEncryption, alarmActions];
