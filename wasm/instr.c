/* instr.c: the writer of instructions: opcodes and their immediates, for function bodies and constant expressions. */
#include "wasm.h"

void wasm_op(struct wasm_buf *b, enum wasm_opcode op)
{
	wasm_put_byte(b, op);
}

void wasm_op_block(struct wasm_buf *b, enum wasm_opcode op)
{
	wasm_put_byte(b, op);
	wasm_put_byte(b, 0x40); /* the empty block type */
}

void wasm_op_index(struct wasm_buf *b, enum wasm_opcode op, uint32_t index)
{
	wasm_put_byte(b, op);
	wasm_put_u32(b, index);
}

void wasm_call(struct wasm_buf *b, uint32_t func)
{
	wasm_op_index(b, WASM_OP_CALL, func);
}

void wasm_call_indirect(struct wasm_buf *b, uint32_t type, uint32_t table)
{
	wasm_op_index(b, WASM_OP_CALL_INDIRECT, type);
	wasm_put_u32(b, table);
}

void wasm_local_get(struct wasm_buf *b, uint32_t local)
{
	wasm_op_index(b, WASM_OP_LOCAL_GET, local);
}

void wasm_local_set(struct wasm_buf *b, uint32_t local)
{
	wasm_op_index(b, WASM_OP_LOCAL_SET, local);
}

void wasm_local_tee(struct wasm_buf *b, uint32_t local)
{
	wasm_op_index(b, WASM_OP_LOCAL_TEE, local);
}

void wasm_global_get(struct wasm_buf *b, uint32_t global)
{
	wasm_op_index(b, WASM_OP_GLOBAL_GET, global);
}

void wasm_global_set(struct wasm_buf *b, uint32_t global)
{
	wasm_op_index(b, WASM_OP_GLOBAL_SET, global);
}

void wasm_i32_const(struct wasm_buf *b, uint32_t v)
{
	wasm_put_byte(b, WASM_OP_I32_CONST);
	wasm_put_s32(b, (int32_t)v);
}

void wasm_i64_const(struct wasm_buf *b, int64_t v)
{
	wasm_put_byte(b, WASM_OP_I64_CONST);
	wasm_put_s64(b, v);
}

void wasm_op_memory(struct wasm_buf *b, enum wasm_opcode op, uint32_t align_log2, uint32_t offset)
{
	wasm_op_index(b, op, align_log2);
	wasm_put_u32(b, offset);
}

void wasm_const_expr(struct wasm_buf *b, unsigned valtype, int64_t v)
{
	if (valtype == WASM_I64)
		wasm_i64_const(b, v);
	else
		wasm_i32_const(b, (uint32_t)v);
	wasm_op(b, WASM_OP_END);
}
