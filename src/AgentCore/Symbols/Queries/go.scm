; Go definitions. Written for AgentCore from the captures the reference's Go query reports: every capture is the
; whole declaration named `name.definition.*`, so the printed node is its parent (the file, for top-level
; declarations): Go output is a single line for the whole file.

(function_declaration) @name.definition.function
(method_declaration) @name.definition.method
(type_declaration) @name.definition.type
(var_declaration) @name.definition.var
(const_declaration) @name.definition.const
(package_clause) @name.definition.package
(import_declaration) @name.definition.import
