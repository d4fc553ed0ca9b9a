// RDS and Aurora controls: encryption at rest, backups, Multi-AZ, network exposure, deletion
// protection, monitoring, patching, log exports and snapshot sharing; a cluster's Multi-AZ
// (its ClusterInstances) is a stack check.

import backupRetention from "./backup-retention";
import clusterMultiAz from "./cluster-multi-az";
import deletionProtection from "./deletion-protection";
import enhancedMonitoring from "./enhanced-monitoring";
import logExports from "./log-exports";
import minorVersionUpgrade from "./minor-version-upgrade";
import multiAz from "./multi-az";
import publicAccess from "./public-access";
import snapshotEncrypted from "./snapshot-encrypted";
import snapshotNotPublic from "./snapshot-not-public";
import storageEncrypted from "./storage-encrypted";

export const policies = [storageEncrypted, backupRetention, multiAz, publicAccess, deletionProtection, enhancedMonitoring, minorVersionUpgrade, logExports, snapshotNotPublic];
export const stackPolicies = [clusterMultiAz, snapshotEncrypted];
