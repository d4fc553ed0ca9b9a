// Redshift controls: encryption at rest, no public endpoint, automated snapshots and version upgrades.

import automatedSnapshots from "./automated-snapshots";
import encryption from "./encryption";
import publicAccess from "./public-access";
import versionUpgrade from "./version-upgrade";

export const policies = [encryption, publicAccess, automatedSnapshots, versionUpgrade];
