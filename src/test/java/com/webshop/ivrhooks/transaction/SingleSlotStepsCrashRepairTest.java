package com.webshop.ivrhooks.transaction;

import org.springframework.test.context.TestPropertySource;

/** The crash-repair suite with the single-slot steps on a standalone Redis. */
@TestPropertySource(properties = "ivr.redis.single-slot-scripts=true")
class SingleSlotStepsCrashRepairTest extends CrashRepairTest {}
