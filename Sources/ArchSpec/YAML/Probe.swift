import CYaml

func probeLibYAML() -> Int32 {
    var parser = yaml_parser_t()
    let ok = yaml_parser_initialize(&parser)
    yaml_parser_delete(&parser)
    return ok
}
