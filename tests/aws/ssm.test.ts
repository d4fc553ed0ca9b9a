import { garbage, passes, policyCases, remediates, undecided, violates } from "../cases";
import { ssmDocument, ssmDocumentOutputs } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const field = "permissions.accountIds";
const share = (accountIds: unknown) => ({ permissions: { type: "Share", accountIds } });

policyCases("aws-ssm-document-not-public", [
    passes(ssmDocument()),
    passes(ssmDocument({ permissions: undefined })),
    passes(ssmDocumentOutputs()),
    passes(ssmDocumentOutputs({ permissions: {} })),
    violates(ssmDocument(share("All")), { code: "public", field }),
    violates(ssmDocument(share("111122223333, all")), { code: "public", field }),
    violates(ssmDocumentOutputs(share("All")), { code: "public", field }),
    violates(ssmDocument(share(["All"])), { code: "wrongType", field }),
    violates(ssmDocument({ permissions: "All" }), { code: "wrongType", field: "permissions" }),
    undecided(ssmDocument(share(unknown)), field),
    undecided(ssmDocument({ permissions: unknown }), "permissions"),
    garbage(ssmDocument({ permissions: { type: secret("SECRET"), accountIds: { SECRET: 1 } }, content: secret("SECRET") })),
    // Dropping "All" keeps the named accounts' access; with none left, unsharing is a person's choice.
    remediates(ssmDocument(share("111122223333,All")), share("111122223333")),
    remediates(ssmDocument(share("All")), "nothing"),
    remediates(ssmDocument(share(unknown)), "nothing"),
    remediates(ssmDocument(), "nothing"),
]);
