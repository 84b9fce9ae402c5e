"""The venue's NATS subscriptions: the participants' events (durable consumers bound by the runner) and the
dead letters it follows to compensate sagas at once."""
