import VigilLists

/// Binary encoding of entities and provenance in index sections.
enum EntityCodec {
    static func write(_ e: Entity, to w: inout ByteWriter) {
        w.string(e.id)
        w.string(e.list)
        w.string(e.schema.rawValue)
        w.varint(e.names.count)
        for n in e.names {
            w.string(n.value)
            w.string(n.type.rawValue)
            w.optionalString(n.quality)
        }
        w.strings(e.birthDates)
        w.strings(e.birthPlaces)
        w.strings(e.nationalities)
        w.optionalString(e.gender)
        w.varint(e.documents.count)
        for d in e.documents {
            w.string(d.type)
            w.string(d.number)
            w.optionalString(d.country)
        }
        w.strings(e.addresses)
        w.strings(e.programs)
        w.optionalString(e.remarks)
        w.optionalString(e.listedOn)
    }

    static func read(from r: inout ByteReader) throws(IndexError) -> Entity {
        let id = try r.string()
        let list = try r.string()
        let schemaText = try r.string()
        guard let schema = Schema(rawValue: schemaText) else { throw .corrupt(reason: "entity \(id): unknown schema \(schemaText)") }
        let nameCount = try r.count()
        var names: [EntityName] = []
        for _ in 0..<nameCount {
            let value = try r.string()
            let typeText = try r.string()
            guard let type = NameType(rawValue: typeText) else { throw .corrupt(reason: "entity \(id): unknown name type \(typeText)") }
            names.append(EntityName(value, type: type, quality: try r.optionalString()))
        }
        var e = Entity(id: id, list: list, schema: schema, names: names)
        e.birthDates = try r.strings()
        e.birthPlaces = try r.strings()
        e.nationalities = try r.strings()
        e.gender = try r.optionalString()
        let docCount = try r.count()
        for _ in 0..<docCount {
            e.documents.append(IdentityDocument(type: try r.string(), number: try r.string(), country: try r.optionalString()))
        }
        e.addresses = try r.strings()
        e.programs = try r.strings()
        e.remarks = try r.optionalString()
        e.listedOn = try r.optionalString()
        return e
    }

    static func write(_ p: SourceProvenance, to w: inout ByteWriter) {
        w.string(p.list)
        w.string(p.format)
        w.strings(p.files)
        w.strings(p.sha256)
        w.optionalString(p.publicationDate)
    }

    static func readProvenance(from r: inout ByteReader) throws(IndexError) -> SourceProvenance {
        SourceProvenance(
            list: try r.string(), format: try r.string(), files: try r.strings(), sha256: try r.strings(),
            publicationDate: try r.optionalString())
    }
}
