"""The venue API's msgspec types, one module per context: `Thing` answers, `ThingCreate` / `ThingUpdate`
bodies, `Thing<Verb>` an action's body. Unknown fields are refused at this edge."""
