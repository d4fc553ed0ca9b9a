// ECS controls: containers of a task definition have read-only root file systems, and run as
// non-root users when they share the host's network stack.

import hostModeNonRoot from "./host-mode-non-root";
import readonlyRootFilesystem from "./readonly-root-filesystem";

export const policies = [readonlyRootFilesystem, hostModeNonRoot];
