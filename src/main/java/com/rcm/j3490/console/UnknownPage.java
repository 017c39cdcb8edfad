package com.rcm.j3490.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A console address that names nothing (an unknown action): 404, shown by the error page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class UnknownPage extends RuntimeException {
    UnknownPage() {
        super("no such page", null, false, false);
    }
}
