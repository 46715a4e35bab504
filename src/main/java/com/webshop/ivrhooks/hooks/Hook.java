package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.ErrorText;

/** A hook endpoint, which knows how to say that it failed in its own envelope. */
interface Hook {

    HookResponse failure(ErrorText error);
}
