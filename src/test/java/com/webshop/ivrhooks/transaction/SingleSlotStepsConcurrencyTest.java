package com.webshop.ivrhooks.transaction;

import org.springframework.test.context.TestPropertySource;

/** The race suite with the single-slot steps on a standalone Redis, as behind a sharding proxy. */
@TestPropertySource(properties = "ivr.redis.single-slot-scripts=true")
class SingleSlotStepsConcurrencyTest extends ConcurrentCompleteTest {}
